//! Sparse term vectors and how alike two of them are: the arithmetic that
//! story grouping and summaries share.

/// A sparse vector: (term hash, weight) sorted by term, unit length.
pub type Sparse = Vec<(u32, f32)>;

/// Inverse document frequency, smoothed so that a term found everywhere
/// still weighs a little (tiny corpora would otherwise lose every term).
pub fn idf(df: u32, n: f32) -> f32 {
    ((n + 1.0) / df.max(1) as f32).ln()
}

/// Scales `v` to unit length (leaves an all-zero vector alone).
pub fn normalize_vector<T>(v: &mut [(T, f32)]) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// Dot product of two sorted sparse vectors (their cosine when unit length).
pub fn cosine<T: Ord + Copy>(a: &[(T, f32)], b: &[(T, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}
