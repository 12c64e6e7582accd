z = 1.e5j_
