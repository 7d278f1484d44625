# hand-written for BrokenFilesTest: the name misses an n on purpose
# ${managed}
