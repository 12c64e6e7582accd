s = f"{'\n'.join(items)}"
