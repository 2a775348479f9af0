//! Average-linkage clustering over the scored pairs of articles.
//!
//! A union-find that also keeps, for each cluster, its size and the summed
//! similarity to every neighbouring cluster, so that the average linkage of
//! two clusters is known at once instead of being recounted over their
//! members at every candidate merge (which grows with the square of a big
//! story's size).
//!
//! Each cluster's neighbours are a vector sorted by cluster, not a hash
//! map: a large archive starts with one list per article and millions of
//! scored pairs, and a map held them at three to four times the size.

use std::collections::BTreeMap;

use rayon::prelude::*;

/// A cluster's neighbouring roots and the summed similarity of the scored
/// pairs between them, sorted by root.
type Neighbours = Vec<(u32, f32)>;

pub struct Clusters {
    parent: Vec<usize>,
    size: Vec<usize>,
    /// Each article's scored pairs as first given, sorted by article: what
    /// [`Clusters::core_share`] reads of each member.
    pairs: Vec<Box<[(u32, f32)]>>,
    /// For each cluster root, its articles.
    members: Vec<Vec<u32>>,
    /// For each cluster root, its neighbours. A merge adds to each sum
    /// once, in merge order.
    sums: Vec<Neighbours>,
    /// Each article's first copy (itself unless [`Clusters::merge_copies`]
    /// made it a copy of another): one text filed by two sections or two
    /// outlets counts once in [`Clusters::core_share`].
    text_of: Vec<u32>,
    /// For each cluster root, how many distinct texts it holds.
    texts: Vec<usize>,
}

impl Clusters {
    /// `n` single-article clusters, neighbours through the scored pairs
    /// `edges` (`i < j`, each pair once).
    pub fn new(n: usize, edges: &[(u32, u32, f32)]) -> Clusters {
        let mut degree = vec![0usize; n];
        for &(i, j, _) in edges {
            degree[i as usize] += 1;
            degree[j as usize] += 1;
        }
        let mut sums: Vec<Neighbours> = degree.into_iter().map(Vec::with_capacity).collect();
        for &(i, j, s) in edges {
            sums[i as usize].push((j, s));
            sums[j as usize].push((i, s));
        }
        sums.par_iter_mut()
            .for_each(|list| list.sort_unstable_by_key(|&(c, _)| c));
        Clusters {
            parent: (0..n).collect(),
            size: vec![1; n],
            pairs: sums.iter().map(|l| l.clone().into_boxed_slice()).collect(),
            members: (0..n as u32).map(|i| vec![i]).collect(),
            sums,
            text_of: (0..n as u32).collect(),
            texts: vec![1; n],
        }
    }

    /// Merges each pair of copies of one text (`i < j`), and counts them
    /// as one text from then on.
    pub fn merge_copies(&mut self, copies: &[(usize, usize)]) {
        for &(i, j) in copies {
            let (first, copy) = (self.first_copy(i), self.first_copy(j));
            if first != copy {
                let (first, copy) = (first.min(copy), first.max(copy));
                self.text_of[copy as usize] = first;
                let (a, b) = (self.find(i), self.find(j));
                // A copy that was its own text is one text fewer.
                self.texts[a] -= 1;
                if a != b {
                    self.merge(a, b);
                }
            } else {
                self.merge(i, j);
            }
        }
    }

    /// The first copy of article `i`'s text.
    fn first_copy(&self, mut i: usize) -> u32 {
        while self.text_of[i] as usize != i {
            i = self.text_of[i] as usize;
        }
        i as u32
    }

    /// The articles article `i` was scored against and how alike they are,
    /// sorted by article: its neighbours before any merge.
    pub fn neighbours(&self, i: usize) -> &[(u32, f32)] {
        &self.pairs[i]
    }

    /// How close the smaller of two clusters (given by their roots) is to
    /// the larger one, member by member: the least share, over the smaller
    /// one's members, of the larger one's members it scores at least
    /// `level` with. One member alike to a single article of a story has a
    /// small share of a big story; a story grows only by articles alike to
    /// much of it, never by a chain of articles each alike to the last.
    pub fn core_share(&mut self, a: usize, b: usize, level: f32) -> f32 {
        let (small, large) = if self.size[a] <= self.size[b] {
            (a, b)
        } else {
            (b, a)
        };
        let mut least = f32::INFINITY;
        let mut close: Vec<u32> = Vec::new();
        for k in 0..self.members[small].len() {
            let m = self.members[small][k] as usize;
            close.clear();
            for p in 0..self.pairs[m].len() {
                let (other, score) = self.pairs[m][p];
                if score >= level && self.find(other as usize) == large {
                    close.push(self.first_copy(other as usize));
                }
            }
            close.sort_unstable();
            close.dedup();
            least = least.min(close.len() as f32 / self.texts[large] as f32);
        }
        least
    }

    pub fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Mean similarity over all pairs across two clusters (given by their
    /// roots), pairs never scored counting as zero.
    pub fn average_link(&self, a: usize, b: usize) -> f32 {
        let sum = sum_with(&self.sums[a], b as u32).unwrap_or(0.0);
        sum / (self.size[a] * self.size[b]) as f32
    }

    pub fn merge(&mut self, i: usize, j: usize) {
        let (a, b) = (self.find(i), self.find(j));
        if a == b {
            return;
        }
        // Fold the cluster with fewer neighbours into the other.
        let (keep, gone) = if self.sums[a].len() >= self.sums[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[gone] = keep;
        self.size[keep] += self.size[gone];
        self.texts[keep] += self.texts[gone];
        let mut joining = std::mem::take(&mut self.members[gone]);
        if joining.len() > self.members[keep].len() {
            std::mem::swap(&mut joining, &mut self.members[keep]);
        }
        self.members[keep].extend(joining);
        let moved = std::mem::take(&mut self.sums[gone]);
        let (keep, gone) = (keep as u32, gone as u32);
        self.sums[keep as usize] = joined(&self.sums[keep as usize], &moved, keep, gone);
        for &(c, _) in moved.iter().filter(|&&(c, _)| c != keep) {
            let theirs = &mut self.sums[c as usize];
            let old = match theirs.binary_search_by_key(&gone, |&(r, _)| r) {
                Ok(at) => theirs.remove(at).1,
                Err(_) => 0.0,
            };
            add(theirs, keep, old);
        }
    }

    /// Article indices of each cluster, ascending; clusters in order of
    /// their first article.
    pub fn into_groups(mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            let root = self.find(i);
            by_root.entry(root).or_default().push(i);
        }
        let mut groups: Vec<Vec<usize>> = by_root.into_values().collect();
        groups.sort_unstable_by_key(|g| g[0]);
        groups
    }
}

/// The summed similarity to `root` in a sorted list, if it is a neighbour.
fn sum_with(list: &[(u32, f32)], root: u32) -> Option<f32> {
    list.binary_search_by_key(&root, |&(r, _)| r)
        .ok()
        .map(|at| list[at].1)
}

/// Adds `s` to the sum with `root`, which becomes a neighbour if it was not.
fn add(list: &mut Neighbours, root: u32, s: f32) {
    match list.binary_search_by_key(&root, |&(r, _)| r) {
        Ok(at) => list[at].1 += s,
        Err(at) => list.insert(at, (root, s)),
    }
}

/// The neighbours of cluster `keep` once cluster `gone` (whose neighbours
/// are `moved`) is folded into it: both lists merged, each common
/// neighbour's sums added (keep's first), neither cluster its own
/// neighbour.
fn joined(kept: &[(u32, f32)], moved: &[(u32, f32)], keep: u32, gone: u32) -> Neighbours {
    let mut out = Vec::with_capacity(kept.len() + moved.len());
    let mut kept = kept.iter().copied().filter(|&(c, _)| c != gone).peekable();
    let mut moved = moved.iter().copied().filter(|&(c, _)| c != keep).peekable();
    loop {
        let next = match (kept.peek(), moved.peek()) {
            (Some(&(a, sa)), Some(&(b, sb))) => match a.cmp(&b) {
                std::cmp::Ordering::Less => kept.next(),
                std::cmp::Ordering::Greater => moved.next(),
                std::cmp::Ordering::Equal => {
                    kept.next();
                    moved.next();
                    Some((a, sa + sb))
                }
            },
            (Some(_), None) => kept.next(),
            (None, Some(_)) => moved.next(),
            (None, None) => break,
        };
        out.extend(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// The clustering as first written, each cluster's neighbours in a
    /// hash map.
    struct MapClusters {
        parent: Vec<usize>,
        size: Vec<usize>,
        sums: Vec<HashMap<usize, f32>>,
    }

    impl MapClusters {
        fn new(n: usize, edges: &[(u32, u32, f32)]) -> MapClusters {
            let mut sums = vec![HashMap::new(); n];
            for &(i, j, s) in edges {
                sums[i as usize].insert(j as usize, s);
                sums[j as usize].insert(i as usize, s);
            }
            MapClusters {
                parent: (0..n).collect(),
                size: vec![1; n],
                sums,
            }
        }

        fn find(&mut self, mut i: usize) -> usize {
            while self.parent[i] != i {
                i = self.parent[i];
            }
            i
        }

        fn average_link(&self, a: usize, b: usize) -> f32 {
            let sum = self.sums[a].get(&b).copied().unwrap_or(0.0);
            sum / (self.size[a] * self.size[b]) as f32
        }

        fn merge(&mut self, i: usize, j: usize) {
            let (a, b) = (self.find(i), self.find(j));
            if a == b {
                return;
            }
            let (keep, gone) = if self.sums[a].len() >= self.sums[b].len() {
                (a, b)
            } else {
                (b, a)
            };
            self.parent[gone] = keep;
            self.size[keep] += self.size[gone];
            let moved = std::mem::take(&mut self.sums[gone]);
            self.sums[keep].remove(&gone);
            for (c, s) in moved {
                if c == keep {
                    continue;
                }
                *self.sums[keep].entry(c).or_default() += s;
                let theirs = &mut self.sums[c];
                let old = theirs.remove(&gone).unwrap_or(0.0);
                *theirs.entry(keep).or_default() += old;
            }
        }
    }

    /// Pseudo-random scored pairs among `n` articles, each pair once.
    fn edges(n: u32, count: usize, seed: &mut u64) -> Vec<(u32, u32, f32)> {
        let mut next = || {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            *seed >> 33
        };
        let mut out: Vec<(u32, u32, f32)> = (0..count)
            .filter_map(|_| {
                let (i, j) = ((next() % n as u64) as u32, (next() % n as u64) as u32);
                (i != j).then(|| (i.min(j), i.max(j), (next() % 1000) as f32 / 997.0))
            })
            .collect();
        out.sort_by_key(|&(i, j, _)| (i, j));
        out.dedup_by_key(|&mut (i, j, _)| (i, j));
        out
    }

    #[test]
    fn merging_sums_and_links_as_the_map_did() {
        let mut seed = 11;
        for round in 0..40 {
            let n = 20 + round * 7;
            let edges = edges(n, 3 * n as usize, &mut seed);
            let mut lists = Clusters::new(n as usize, &edges);
            let mut maps = MapClusters::new(n as usize, &edges);
            let mut order = edges.clone();
            order.sort_by(|a, b| b.2.total_cmp(&a.2));
            for &(i, j, _) in &order {
                let (a, b) = (lists.find(i as usize), lists.find(j as usize));
                let (c, d) = (maps.find(i as usize), maps.find(j as usize));
                assert_eq!((a, b), (c, d));
                let link = lists.average_link(a, b);
                assert_eq!(link.to_bits(), maps.average_link(c, d).to_bits());
                if a != b && link >= 0.3 {
                    lists.merge(a, b);
                    maps.merge(c, d);
                }
            }
            for root in 0..n as usize {
                let mut expected: Vec<(u32, f32)> = maps.sums[root]
                    .iter()
                    .map(|(&c, &s)| (c as u32, s))
                    .collect();
                expected.sort_by_key(|&(c, _)| c);
                assert_eq!(lists.sums[root], expected);
            }
        }
    }

    #[test]
    fn neighbours_are_every_scored_pair_of_an_article() {
        let clusters = Clusters::new(4, &[(0, 2, 0.5), (1, 2, 0.25), (2, 3, 0.75)]);
        assert_eq!(clusters.neighbours(2), [(0, 0.5), (1, 0.25), (3, 0.75)]);
        assert_eq!(clusters.neighbours(3), [(2, 0.75)]);
    }

    #[test]
    fn copies_of_one_text_count_once_in_the_core_share() {
        // A story of three reports, two of them one wire text filed twice
        // (0 and 1), and a fourth article alike only to that text.
        let edges = [
            (0, 1, 0.95),
            (0, 2, 0.5),
            (1, 2, 0.5),
            (0, 3, 0.3),
            (1, 3, 0.3),
        ];
        let mut clusters = Clusters::new(4, &edges);
        clusters.merge_copies(&[(0, 1)]);
        clusters.merge(0, 2);
        // One of the story's two texts, not two of its three articles.
        assert_eq!(clusters.core_share(0, 3, 0.2), 0.5);
    }

    #[test]
    fn groups_are_ordered_by_first_article() {
        let mut clusters = Clusters::new(5, &[(0, 3, 0.9), (1, 4, 0.8)]);
        clusters.merge(3, 0);
        clusters.merge(4, 1);
        assert_eq!(
            clusters.into_groups(),
            vec![vec![0, 3], vec![1, 4], vec![2]]
        );
    }
}
