"""Speed and memory of the matching engine, side by side with its peers.

    python -m benchmarks.engine [--bsr 20000] [--east 5000] [--repeat 5] [--jobs -1]

On synthetic profiles (fixed random_state): the engine's full top-10, one city's, a
cohort plan and peak memory; a per-pair Python peer (timed on a sample, extrapolated),
NearestNeighbors brute force, and the floor: one float32 product (East x W) @ (W x BSR),
W the engine's feature width. Times are the best of --repeat: the machine may be shared.
"""
