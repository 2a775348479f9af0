//! Names the entity list does not know yet.
