-- Undo of library version 3: loans and members go (with their rows).
DROP TABLE loan;
DROP TABLE member;
