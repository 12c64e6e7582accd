def parse(text):
    try:
        value = int(text)
    except ValueError as e:
        print("bad", e)
        value = None
    except (TypeError, KeyError):
        raise
    else:
        print("ok")
    finally:
        return value
