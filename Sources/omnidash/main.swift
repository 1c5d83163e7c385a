print("omnidash")
