print("backstep 0.1.0")
