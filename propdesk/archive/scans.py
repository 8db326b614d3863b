"""Scans the clerk picks: read from disk and checked by their content, not their name.

A scan is a PDF or an image the desk can open: PDF, JPEG, PNG or TIFF (the types the file
dialog offers). What a file is follows from its first bytes, so a text file renamed
``.pdf`` is refused; a real scan with a wrong or missing extension is kept under a name with
the right one, so the computer opens it with the right program.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from propdesk.archive.values import MAX_SCAN_BYTES
from propdesk.errors import ValidationError


class ScanType(NamedTuple):
    label: str
    magic: bytes
    extensions: tuple[str, ...]  # the first is the one given to a file without a right one


SCAN_TYPES: tuple[ScanType, ...] = (
    ScanType("PDF", b"%PDF-", (".pdf",)),
    ScanType("JPEG", b"\xff\xd8\xff", (".jpg", ".jpeg")),
    ScanType("PNG", b"\x89PNG\r\n\x1a\n", (".png",)),
    ScanType("TIFF", b"II*\x00", (".tif", ".tiff")),  # little-endian
    ScanType("TIFF", b"MM\x00*", (".tif", ".tiff")),  # big-endian
)


def scan_type(data: bytes) -> ScanType | None:
    """The type of a scan's content, or None when it is not a PDF or an image we accept."""
    return next((t for t in SCAN_TYPES if data.startswith(t.magic)), None)


def checked_scan(name: str, data: bytes) -> tuple[str, bytes]:
    """``(name, data)`` of a real scan, the name's extension matching the content; a
    :class:`ValidationError` on field ``scan`` otherwise."""
    if not data:
        raise ValidationError("scan", "扫描件是空文件（0 字节），请重新扫描后再选。")
    kind = scan_type(data)
    if kind is None:
        raise ValidationError(
            "scan",
            f"“{name}”不是扫描件：文件内容不是 PDF、JPG、PNG 或 TIFF 图片"
            "（只改扩展名没有用），请选择扫描仪或手机扫描得到的文件。",
        )
    path = Path(name)
    if path.suffix.lower() not in kind.extensions:
        name = f"{path.stem if path.suffix else path.name}{kind.extensions[0]}"
    return name, data


def read_scan(path: str | Path) -> tuple[str, bytes]:
    """The picked file's name and bytes, checked: an existing file (not a folder), not empty,
    at most :data:`MAX_SCAN_BYTES`, a PDF or an image by its content. Else a
    :class:`ValidationError` on field ``scan``."""
    target = Path(path)
    if not str(path).strip() or not target.exists():
        raise ValidationError("scan", f"找不到文件“{target.name or path}”，请重新选择扫描件。")
    if target.is_dir():
        raise ValidationError(
            "scan", f"所选的“{target.name or path}”是文件夹，不是文件，请选择其中的扫描件。"
        )
    if not target.is_file():
        raise ValidationError("scan", f"“{target.name}”不是普通文件，请选择扫描件。")
    try:
        size = target.stat().st_size
        if size > MAX_SCAN_BYTES:
            raise ValidationError(
                "scan",
                f"扫描件太大（{size / 1048576:.1f} MB），最大 {MAX_SCAN_BYTES // 1048576} MB，"
                "请压缩或降低分辨率后再选。",
            )
        data = target.read_bytes()
    except OSError as exc:
        raise ValidationError("scan", f"无法读取扫描件：{exc.strerror or exc}") from exc
    return checked_scan(target.name, data)
