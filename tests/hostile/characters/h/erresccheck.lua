-- expect: h/erresccheck.lua:3: error: ?[2J?]0;pwned?
-- the same while loading, where 'verbeeld check' prints it
error("\27[2J\27]0;pwned\7")
