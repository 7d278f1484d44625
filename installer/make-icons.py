#!/usr/bin/env python3
"""Makes the installers' icons from assets/logo.svg (committed, so building a package needs no image tools):
installer/linux/overlay-lab.png (256 px), installer/macos/overlay-lab.icns, installer/windows/overlay-lab.ico
(16-256 px). Needs cairosvg and Pillow (pip install cairosvg pillow; cairosvg uses the system's libcairo).
Run it after changing the logo:  python3 installer/make-icons.py
"""
import io
import pathlib

import cairosvg
from PIL import Image

here = pathlib.Path(__file__).resolve().parent
logo = here.parent / "assets" / "logo.svg"
png = cairosvg.svg2png(url=str(logo), output_width=1024, output_height=1024)
image = Image.open(io.BytesIO(png)).convert("RGBA")
image.resize((256, 256), Image.LANCZOS).save(here / "linux" / "overlay-lab.png")
image.save(here / "windows" / "overlay-lab.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
image.save(here / "macos" / "overlay-lab.icns")  # Pillow writes the 16-1024 px sizes macOS uses
print("icons written under", here)
