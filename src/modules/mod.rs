//! Native modules. So far: the pure algorithms behind them that need no interpreter state.

pub mod math;
pub mod random;
