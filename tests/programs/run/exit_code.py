# SystemExit with an int status, raised from a nested function.
import sys


def main():
    print("main ran")
    raise SystemExit(3)


main()
print("not reached")
