"""A small inventory report, indented with tabs throughout."""


class Item:
	"""One product line in the inventory."""

	def __init__(self, name, price, quantity):
		self.name = name
		self.price = price
		self.quantity = quantity

	@property
	def value(self):
		return self.price * self.quantity

	def __repr__(self):
		return f"Item({self.name!r}, {self.price}, {self.quantity})"


def restock(items, threshold=5, amount=10):
	"""Bump every low item; return the names that were restocked."""
	restocked = []
	for item in items:
		if item.quantity < threshold:
			item.quantity += amount
			restocked.append(item.name)
		else:
			continue
	return restocked


def report(items):
	lines = []
	for item in sorted(items, key=lambda i: i.value, reverse=True):
		if item.value >= 100:
			tag = "high"
		elif item.value > 20:
			tag = "medium"
		else:
			tag = "low"
		lines.append(f"{item.name:<10}{item.quantity:>5}{item.value:>10.2f}  {tag}")
	return "\n".join(lines)


def main():
	items = [
		Item("widget", 2.50, 40),
		Item("gadget", 12.00, 3),
		Item("doohickey", 0.75, 100),
		Item("gizmo", 99.99, 1),
	]
	print(report(items))
	print("restocked:", restock(items))
	print("total value: %.2f" % sum(i.value for i in items))
	while items:
		item = items.pop()
		if item.name.startswith("g"):
			print("removed", item)
	try:
		items[0]
	except IndexError:
		print("inventory is empty")


if __name__ == "__main__":
	main()
