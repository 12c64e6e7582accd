# sys.exit with a message: printed to stderr, status 1; output flushed first.
import sys

print("working")
sys.exit("fatal: giving up")
