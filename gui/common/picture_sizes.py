"""Sizes of the pictures made for slides (File > Export > Picture for a slide), in pixels."""

SLIDE_MIN, SLIDE_MAX = 320, 7680  # each way
# 16:9 slides first (1920 x 1080 is a full-HD slide), then 4K, then 4:3 slides.
SLIDE_SIZES = ((1920, 1080), (1280, 720), (3840, 2160), (1600, 1200), (1024, 768))
