import numpy as np
import pytest

from core.views.decimate import MinMaxEnvelope, decimate_slice


def reference(values, bucket):
    n = len(values) // bucket * bucket
    block = values[:n].reshape(-1, bucket)
    return block.min(axis=1), block.max(axis=1)


@pytest.mark.parametrize("chunks", [[1] * 50, [7, 3, 100, 1, 900, 4000, 37], [10_000], [5000, 5000, 333]])
def test_envelope_equals_bucketed_min_max_however_values_arrive(chunks):
    rng = np.random.default_rng(1)
    values = rng.random(sum(chunks))
    env = MinMaxEnvelope(max_buckets=64)
    start = 0
    for size in chunks:
        env.extend(values[start:start + size])
        start += size
    x, y = env.xy(first_step=1)
    assert env.count == values.size
    assert env._full < 64 and env._full * env.bucket_size + env._partial == values.size
    mins, maxs = reference(values, env.bucket_size)
    if env.bucket_size == 1:
        np.testing.assert_array_equal(y, values)
        np.testing.assert_array_equal(x, np.arange(1, values.size + 1))
    else:
        full = env._full
        np.testing.assert_array_equal(y[0:2 * full:2], mins[:full])
        np.testing.assert_array_equal(y[1:2 * full:2], maxs[:full])
        assert y.size <= 2 * 64
        # the overall extremes are never lost
        assert y.min() == values.min() and y.max() == values.max()


def test_envelope_size_is_bounded_for_a_million_points():
    env = MinMaxEnvelope(4096)
    for _ in range(100):
        env.extend(np.linspace(1, 0, 10_000))
    x, y = env.xy()
    assert y.size <= 2 * 4096 and env.count == 10**6
    assert x[0] >= 1 and x[-1] <= 10**6


def test_gaps_of_nan_do_not_hide_neighbours():
    env = MinMaxEnvelope(4)
    env.extend([1.0, np.nan, 3.0, np.nan, np.nan, 2.0, 5.0, 4.0, 0.5])
    _, y = env.xy()
    assert np.nanmin(y) == 0.5 and np.nanmax(y) == 5.0


def test_decimate_slice_keeps_extremes_and_short_slices_exact():
    values = np.sin(np.arange(100_000) / 1000.0)
    x, y = decimate_slice(values, 11, 1000)
    assert y.size <= 1000 and y.max() == values[: y.size // 2 * 200].max()
    x, y = decimate_slice(values[:500], 11, 1000)
    np.testing.assert_array_equal(y, values[:500])
    assert x[0] == 11


def test_bad_bucket_count_is_refused():
    with pytest.raises(ValueError):
        MinMaxEnvelope(3)


def test_recent_history_keeps_the_latest_values_exactly():
    from core.training.history import RecentHistory

    recent = RecentHistory(capacity=100, dtype=np.float64)
    values = np.arange(1000, dtype=float)
    for start in range(0, 1000, 37):
        recent.extend(values[start:start + 37])
    kept = recent.values()
    assert 100 <= kept.size <= 200
    assert recent.dropped + kept.size == 1000
    np.testing.assert_array_equal(kept, values[recent.dropped:])
    recent.clear()
    assert len(recent) == 0 and recent.dropped == 0
