/** Apps per dashboard page (docs/decisions/005). A plain module so scripts can import it too. */
export const DASHBOARD_PAGE_SIZE = 25;
