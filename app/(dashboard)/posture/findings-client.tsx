"use client";

import { useQuery } from "@tanstack/react-query";
import { FilterX, Radar, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useMemo, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/posture/format";
import { ApiError } from "@/lib/api/fetcher";
import { findingsQueryOptions } from "@/lib/queries/findings";
import { FindingsFilters, type FilterPatch } from "./_components/findings-filters";
import { FindingsTable } from "./_components/findings-table";
import { Pagination } from "./_components/pagination";
import { findingsSearchParams, PAGE_SIZES, toFindingsQuery } from "./search-params";

type Props = {
  accounts: { id: string; name: string }[];
  regions: string[];
  checkTitles: Record<string, string>;
};

const CLEARED = { account: null, region: null, category: null, severity: null, status: null, check: null, q: null, page: null };

export function FindingsClient({ accounts, regions, checkTitles }: Props) {
  const [state, setState] = useQueryStates(findingsSearchParams, { history: "replace", scroll: false });
  // Bumped by "Clear all" so the uncontrolled search box starts empty again.
  const [searchKey, setSearchKey] = useState(0);
  const query = useMemo(() => toFindingsQuery(state), [state]);
  const { data, error, isFetching, isPlaceholderData, refetch } = useQuery(findingsQueryOptions(query));

  const filter = (patch: FilterPatch) => void setState({ ...patch, page: null });
  const clear = () => {
    setSearchKey((k) => k + 1);
    void setState(CLEARED);
  };
  const filtered =
    query.account.length + query.region.length + query.category.length + query.severity.length + query.status.length > 0 ||
    Boolean(query.q) ||
    Boolean(query.check);

  return (
    <div className="space-y-4">
      <FindingsFilters
        state={state}
        accounts={accounts}
        regions={regions}
        checkTitle={state.check ? (checkTitles[state.check] ?? null) : null}
        searchKey={searchKey}
        onChange={filter}
        onSearch={(text) => void setState({ q: text.trim() || null, page: null })}
        onClear={clear}
      />
      <p aria-live="polite" className="sr-only">
        {data && !isPlaceholderData ? `${formatCount(data.total)} findings` : ""}
      </p>
      <div className="overflow-hidden rounded-xl border border-(--border) bg-(--card) shadow-xs">
        {error && !data ? (
          <div role="alert">
            <EmptyState
              icon={RotateCcw}
              title="The findings could not be loaded"
              action={
                <Button onClick={() => void refetch()} variant="primary">
                  Try again
                </Button>
              }
            >
              {error instanceof ApiError ? error.message : "The request failed."}
            </EmptyState>
          </div>
        ) : data && data.scanId === null ? (
          <EmptyState
            icon={Radar}
            title="No scan yet"
            action={
              <Link href="/" className={buttonClasses("primary")}>
                Go to the overview
              </Link>
            }
          >
            Findings appear here after the first scan completes.
          </EmptyState>
        ) : data && data.rows.length === 0 ? (
          <EmptyState
            icon={FilterX}
            title={filtered ? "No findings match these filters" : "This scan has no findings"}
            action={filtered ? <Button onClick={clear}>Clear all filters</Button> : undefined}
          >
            {filtered ? "Remove a filter or change the search to see more." : undefined}
          </EmptyState>
        ) : data ? (
          <>
            <FindingsTable
              rows={data.rows}
              sort={query.sort}
              dir={query.dir}
              busy={isFetching && isPlaceholderData}
              onSort={(sort, dir) => void setState({ sort, dir, page: null })}
            />
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              pageSizes={PAGE_SIZES}
              onPage={(page) => void setState({ page: page <= 1 ? null : page })}
              onPageSize={(pageSize) => void setState({ pageSize, page: null })}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}
