price = 10 $ 3
