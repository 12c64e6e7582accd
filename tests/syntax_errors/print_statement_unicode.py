print "héllo"
