print(* sep=",")
