import {
  createTable,
  getCoreRowModel,
  type RowData,
  type Table,
  type TableOptions,
  type TableState,
} from "@tanstack/react-table";

type Options<T extends RowData> = Pick<TableOptions<T>, "data" | "columns" | "getRowId"> & { state: Partial<TableState> };

/**
 * A table instance for rows the server already sorted and paged: no client state to keep, so a fresh
 * instance per render is correct (and, unlike useReactTable, safe for the React Compiler to memoize).
 */
export function createStaticTable<T extends RowData>({ data, columns, getRowId, state }: Options<T>): Table<T> {
  const table = createTable<T>({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    state,
    onStateChange: () => undefined,
    renderFallbackValue: null,
  });
  table.setOptions((prev) => ({ ...prev, state: { ...table.initialState, ...state } }));
  return table;
}
