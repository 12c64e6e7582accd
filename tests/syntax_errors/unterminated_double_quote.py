x = 1
msg = "hello world
print(msg)
