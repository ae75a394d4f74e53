"""Themes, the themes given to threads, and trained classifier versions."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (Boolean, DateTime, Float, ForeignKey, Integer, LargeBinary, String,
                        Text, UniqueConstraint, Index)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from federation.storage.models.base import Base, utcnow


class Theme(Base):
    """A shared topic across assemblies; the slug is a stable identifier (TAXONOMY.md)."""

    __tablename__ = "themes"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    label_fr: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    synonyms: Mapped[str] = mapped_column(Text, default="")  # comma-separated, for #hashtags
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ThreadTheme(Base):
    """A theme given to a thread, with its score and source: explicit, auto or manual.

    ``manual`` rows are an admin's choice and are never overwritten by an automatic pass;
    ``rejected`` rows record an admin's correction (training data, and never re-added).
    """

    __tablename__ = "thread_themes"
    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    source: Mapped[str] = mapped_column(String(16), default="auto")  # explicit|auto|manual|rejected
    reasons: Mapped[str] = mapped_column(Text, default="")  # JSON list of words/phrases
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    theme: Mapped[Theme] = relationship()

    __table_args__ = (UniqueConstraint("thread_id", "theme_id", name="uq_thread_themes"),
                      Index("ix_thread_themes_theme", "theme_id", "thread_id"))


class ThemeModel(Base):
    """One trained version of the theme classifier, serialised by ``Model.to_bytes``."""

    __tablename__ = "theme_models"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    fingerprint: Mapped[str] = mapped_column(String(64))  # of the training data
    examples: Mapped[int] = mapped_column(Integer, default=0)
    corrections: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    # quality on examples held out of a first fit (0015_moderation); None: not measured
    held_out: Mapped[int] = mapped_column(Integer, default=0)
    micro_f1: Mapped[float | None] = mapped_column(Float, nullable=True)
    macro_f1: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
