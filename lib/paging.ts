type PagedQuery = { hasNextPage: boolean; isFetchingNextPage: boolean; isFetching: boolean; isPlaceholderData: boolean };

/** A paged table's "Load more" props from its infinite query; `busy` while a new filter's first page replaces the old. */
export function pagingProps(pages: PagedQuery, onLoadMore: () => void) {
  return {
    hasMore: pages.hasNextPage,
    loadingMore: pages.isFetchingNextPage,
    busy: pages.isFetching && pages.isPlaceholderData,
    onLoadMore,
  };
}
