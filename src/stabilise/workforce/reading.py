"""Query results straight into Polars frames, at the speed of each database's own bulk path.

A million caseload rows turned into Python objects one value at a time (psycopg's loaders,
Django's SQLite converters) cost more than the query itself. So nothing is converted on the
way: on PostgreSQL the rows come out of `COPY (...) TO STDOUT` as CSV that Polars parses, on
SQLite out of the bare cursor as plain integers, floats and text. Dates travel as whole days
since 1970 (Polars' own representation of a date) and true/false as 1/0, so no date objects,
decimal objects or date parsing stand between the database and the frame.
"""

import io
from collections.abc import Mapping
from typing import Any

import polars as pl
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Expression, F, FloatField, Func, IntegerField, QuerySet
from django.db.models.functions import Cast
from django.db.models.sql.compiler import SQLCompiler
from polars._typing import PolarsDataType


class DaysSince1970(Func):
    """A date as whole days since 1 January 1970; null stays null."""

    output_field = IntegerField()

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        # julianday() of a date is exact (a whole day plus a half), so the cast loses nothing.
        template = "CAST(julianday(%(expressions)s) - 2440587.5 AS INTEGER)"
        sql, params = self.as_sql(compiler, connection, template=template, **extra)
        return sql, list(params)

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        # Subtracting dates gives days whatever the session's DateStyle is.
        template = "(%(expressions)s - DATE '1970-01-01')"
        sql, params = self.as_sql(compiler, connection, template=template, **extra)
        return sql, list(params)


def wire_value(field: str, dtype: PolarsDataType) -> Expression | F:
    """The model field `field` as it should leave the database for a column of `dtype`."""
    if dtype == pl.Date:
        return DaysSince1970(field)
    if dtype == pl.Boolean:
        return Cast(field, output_field=IntegerField())
    if dtype == pl.Float64:
        # Decimal in the database; a float on the way, so no Decimal object per value.
        return Cast(field, output_field=FloatField())
    return F(field)


def _wire_type(dtype: PolarsDataType) -> PolarsDataType:
    if dtype == pl.Date:
        return pl.Int32
    if dtype == pl.Boolean:
        return pl.Int64
    return dtype


def read_frame(rows: QuerySet[Any, Any], schema: Mapping[str, PolarsDataType]) -> pl.DataFrame:
    """`rows` (a values_list whose values are `wire_value`s, in the order of `schema`) as a
    frame of `schema`. Database ordering is dropped: sorting is the caller's to ask for."""
    wire = {name: _wire_type(dtype) for name, dtype in schema.items()}
    try:
        sql, params = rows.order_by().query.get_compiler(using=rows.db).as_sql()
    except EmptyResultSet:  # a query that can match nothing never reaches the database
        frame = pl.DataFrame(schema=wire)
    else:
        connection = connections[rows.db]
        if connection.vendor == "postgresql":
            frame = _copy_out(connection, sql, params, wire)
        else:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                frame = pl.DataFrame(cursor.fetchall(), schema=wire, orient="row")
    return frame.with_columns(
        pl.col(name).cast(dtype) for name, dtype in schema.items() if wire[name] != dtype
    )


def _copy_out(
    connection: BaseDatabaseWrapper,
    sql: str,
    params: tuple[Any, ...] | list[Any],
    wire: Mapping[str, PolarsDataType],
) -> pl.DataFrame:
    buffer = io.BytesIO()
    # psycopg binds the parameters into the COPY statement on the client (COPY takes none).
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)", params) as copy,
    ):
        for block in copy:
            buffer.write(block)
    # In PostgreSQL's CSV (UTF-8, as Django asks for) a null is an empty field and an empty
    # text is "", as Polars reads them.
    return pl.read_csv(buffer.getvalue(), has_header=False, schema=dict(wire))
