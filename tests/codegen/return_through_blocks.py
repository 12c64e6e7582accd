def find(rows):
    for row in rows:
        with row.lock:
            try:
                if row.ok:
                    return row
            except KeyError as err:
                return err
            finally:
                row.done()
