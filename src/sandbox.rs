//! A DIDWW API simulator (placeholder while it is written).
