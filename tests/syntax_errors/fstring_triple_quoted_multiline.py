x = f"""
line one
{}"""
