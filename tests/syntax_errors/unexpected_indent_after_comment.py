# comment
x = 1
  # ok comment
  y = 2
