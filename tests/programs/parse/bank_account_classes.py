"""A tutorial-style bank: accounts, transactions, custom exceptions, threads."""

import threading
from decimal import Decimal


class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"needed {needed}, only {available} available")
        self.needed = needed
        self.available = available


class Account:
    """A bank account whose balance changes are thread-safe."""

    interest_rate: Decimal = Decimal("0.02")
    _next_number = 1000

    def __init__(self, owner: str, balance: Decimal = Decimal("0")) -> None:
        self.owner: str = owner
        self.balance: Decimal = balance
        self.history: list = []
        self.number = Account._next_number
        Account._next_number += 1
        self._lock = threading.Lock()

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        with self._lock:
            self.balance += amount
            self.history.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount):
        with self._lock:
            if amount > self.balance:
                raise InsufficientFunds(amount, self.balance)
            self.balance -= amount
            self.history.append(("withdraw", amount))
        return self.balance

    def add_interest(self):
        interest = (self.balance * self.interest_rate).quantize(Decimal("0.01"))
        return self.deposit(interest) if interest > 0 else self.balance

    def __str__(self):
        return f"#{self.number} {self.owner:<6} {self.balance:>10}"


class SavingsAccount(Account):
    interest_rate = Decimal("0.05")
    withdrawals_allowed = 2

    def withdraw(self, amount):
        if self.withdrawals_allowed <= 0:
            raise PermissionError("no withdrawals left this month")
        self.withdrawals_allowed -= 1
        return super().withdraw(amount)


def transfer(source, target, amount):
    try:
        source.withdraw(amount)
    except InsufficientFunds as exc:
        return f"transfer failed: {exc}"
    else:
        target.deposit(amount)
        return f"moved {amount} from {source.owner} to {target.owner}"


alice = Account("alice", Decimal("100.00"))
bob = SavingsAccount("bob")
bob.deposit(Decimal("50"))
print(transfer(alice, bob, Decimal("30.50")))
print(transfer(bob, alice, Decimal("500")))

for _ in range(3):
    try:
        bob.withdraw(Decimal("1"))
    except PermissionError as exc:
        print("bob:", exc)

threads = [threading.Thread(target=alice.deposit, args=(Decimal("1.25"),)) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for account in (alice, bob):
    account.add_interest()
    print(account)
    print("   history:", [(kind, str(amount)) for kind, amount in account.history][-3:])
try:
    alice.deposit(-5)
except ValueError as exc:
    print("rejected:", exc)
