//! What the corpus says about each entity.
