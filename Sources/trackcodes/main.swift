print("trackcodes")
