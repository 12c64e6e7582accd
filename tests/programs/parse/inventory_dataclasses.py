"""Dataclasses, enums and typing annotations in a small order-processing example."""

from dataclasses import dataclass, field
from enum import Enum
from typing import ClassVar


class Status(Enum):
    PENDING = "pending"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


@dataclass
class Product:
    sku: str
    name: str
    price: float
    stock: int = 0


@dataclass(order=True)
class OrderLine:
    sku: str
    quantity: int = 1


@dataclass
class Order:
    number: int
    lines: list[OrderLine] = field(default_factory=list)
    status: Status = Status.PENDING
    created: ClassVar[int] = 0

    def __post_init__(self):
        Order.created += 1

    def total(self, catalog: dict[str, Product]) -> float:
        return sum(catalog[line.sku].price * line.quantity for line in self.lines)


catalog = {
    p.sku: p
    for p in [
        Product("A1", "apple", 0.5, 100),
        Product("B2", "bread", 2.25, 10),
        Product("C3", "cheese", 7.0, 2),
    ]
}


def fulfil(order: Order) -> str:
    missing = [l.sku for l in order.lines if catalog[l.sku].stock < l.quantity]
    if missing:
        order.status = Status.CANCELLED
        return f"order {order.number} cancelled, short on {', '.join(missing)}"
    for line in order.lines:
        catalog[line.sku].stock -= line.quantity
    order.status = Status.SHIPPED
    return f"order {order.number} shipped, total {order.total(catalog):.2f}"


orders = [
    Order(1, [OrderLine("A1", 12), OrderLine("B2")]),
    Order(2, [OrderLine("C3", 5)]),
    Order(3, [OrderLine("C3", 2), OrderLine("A1", 3)]),
]
for o in orders:
    print(fulfil(o))

print("statuses:", [o.status.name for o in orders])
print("created:", Order.created)
print("stock left:", {sku: p.stock for sku, p in catalog.items()})
print("sorted lines:", sorted(OrderLine(s, q) for s, q in [("B", 2), ("A", 5), ("A", 1)]))
print(Product("Z9", "zucchini", 1.0))
print("equal:", OrderLine("A1", 2) == OrderLine("A1", 2), Status("shipped") is Status.SHIPPED)
