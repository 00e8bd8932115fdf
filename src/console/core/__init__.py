"""The domain of Tribune, free of any framework.

Everything here is standard library only and takes the time as an argument (`now`, seconds since
the epoch), so every rule can be tested with a fake clock.
"""
