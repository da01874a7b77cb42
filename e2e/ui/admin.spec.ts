// The admin side of the provisioning lifecycle: the queue, the catalog, and who may reach them.
// The demo world is shared with every other spec of the run, so these tests move only services
// that no other spec looks at, and name every service they create uniquely.
import type { Page } from "@playwright/test";
import { ACME, DEMO_USERS, GLOBEX, expect, signIn, test } from "../fixtures";

const PIPELINE = "Acme Talent Pipeline-prod";

/** The queue's row for `service` on `app`. */
function queueRow(page: Page, app: string, service: string) {
  return page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: app }) })
    .filter({ has: page.getByRole("cell", { name: service, exact: true }) });
}

/** The text of one column (1-based) in every body row of the queue. */
async function column(page: Page, index: number): Promise<string[]> {
  const cells = await page.getByRole("table").locator(`tbody tr > :nth-child(${index})`).allInnerTexts();
  return cells.map((text) => text.trim());
}

async function openQueue(page: Page) {
  await page.goto("/admin/provisioning");
  await expect(page.getByRole("heading", { level: 1, name: "Provisioning queue" })).toBeVisible();
}

function catalogRow(page: Page, name: string | RegExp) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
}

/** The status shown for `service` on the app's services tab. */
function serviceCard(page: Page, service: string) {
  return page.getByRole("list", { name: "Services" }).getByRole("listitem").filter({
    has: page.getByRole("heading", { level: 3, name: service, exact: true }),
  });
}

test.describe("the provisioning queue", () => {
  test("filters by partner, status, service and provider through the URL, ignoring bad values", async ({
    page,
    signInAs,
  }) => {
    await signInAs(DEMO_USERS.admin);
    await openQueue(page);
    const table = page.getByRole("table");

    await page.getByLabel("Partner", { exact: true }).selectOption({ label: GLOBEX });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/[?&]partner=[0-9a-f-]{36}/);
    await expect(table.getByRole("rowheader", { name: "GlobexHire-dev" })).toBeVisible();
    await expect.poll(async () => new Set(await column(page, 2))).toEqual(new Set([GLOBEX]));
    await expect(page.getByLabel("Partner", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);

    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/admin\/provisioning$/);
    await expect(page.getByLabel("Partner", { exact: true })).toHaveValue("");
    await expect(table.getByRole("rowheader", { name: PIPELINE }).first()).toBeVisible();

    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Provisioning in progress" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/[?&]status=PROVISIONING_IN_PROGRESS/);
    await expect(queueRow(page, PIPELINE, "Employer Data API")).toBeVisible();
    await expect
      .poll(async () => (await column(page, 4)).every((status) => status.includes("Provisioning in progress")))
      .toBe(true);

    await page.goto("/admin/provisioning");
    await page.getByLabel("Service", { exact: true }).selectOption({ label: "Disposition Sync API (Indeed)" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(queueRow(page, "AceRecruitersApp-dev", "Disposition Sync API")).toBeVisible();
    await expect.poll(async () => new Set(await column(page, 3))).toEqual(new Set(["Disposition Sync API"]));

    await page.goto("/admin/provisioning");
    await page.getByLabel("Provider", { exact: true }).selectOption({ label: "SEEK" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("Nothing waiting matches these filters.")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);

    // A hand-edited URL: every bad value is dropped, and the whole queue shows.
    const response = await page.goto(
      "/admin/provisioning?provider=NOPE&service=not-a-uuid&partner=%27%20OR%201%3D1&status=APPROVED&status=x",
    );
    expect(response?.status()).toBe(200);
    await expect(queueRow(page, PIPELINE, "Employer Data API")).toBeVisible();
    for (const filter of ["Provider", "Service", "Partner", "Status"]) {
      await expect(page.getByLabel(filter, { exact: true })).toHaveValue("");
    }
  });

  test("an admin finishes provisioning: the service becomes “Pending review” and leaves the queue", async ({
    page,
    signInAs,
  }) => {
    await signInAs(DEMO_USERS.admin);
    await page.getByRole("banner").getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(/\d+ services? waiting/);
    await page.getByRole("link", { name: "Provisioning queue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Provisioning queue" })).toBeVisible();

    const row = queueRow(page, PIPELINE, "Job Sync API");
    await expect(row.getByText("Provisioning in progress")).toBeVisible();
    await expect(row.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
    const appHref = await row.getByRole("link", { name: PIPELINE }).getAttribute("href");
    expect(appHref).toMatch(/^\/apps\/[0-9a-f-]{36}\/services$/);

    await row.getByRole("button", { name: "Finish provisioning" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(
      `Job Sync API on ${PIPELINE}: Now “Pending review”.`,
    );
    await expect(row).toHaveCount(0);
    // Its bundled Employer Data API still waits: only the one row moved.
    await expect(queueRow(page, PIPELINE, "Employer Data API")).toBeVisible();

    await page.goto(appHref!);
    await expect(page.getByRole("heading", { level: 1, name: PIPELINE })).toBeVisible();
    await expect(serviceCard(page, "Job Sync API")).toContainText("Pending review");
  });

  test("rejecting asks for a reason, then the service leaves the queue as “Rejected”", async ({ page, signInAs }) => {
    await signInAs(DEMO_USERS.admin);
    await openQueue(page);
    const row = queueRow(page, "GlobexHire-dev", "Job Sync API");
    await expect(row.getByText("Review in progress")).toBeVisible();
    const appHref = await row.getByRole("link", { name: "GlobexHire-dev" }).getAttribute("href");

    await row.getByRole("button", { name: /^Reject/ }).click();
    const dialog = page.getByRole("dialog", { name: "Reject: Job Sync API on GlobexHire-dev" });
    await expect(dialog).toBeVisible();
    const reason = dialog.getByLabel("Reason");
    await expect(reason).toBeFocused();

    await dialog.getByRole("button", { name: "Reject", exact: true }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Some fields need your attention.");
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(reason).toHaveAccessibleDescription(/Enter a reason/);

    await reason.fill("Job postings are missing salary ranges.");
    await dialog.getByRole("button", { name: "Reject", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(
      "Job Sync API on GlobexHire-dev: Now “Rejected”.",
    );
    await expect(row).toHaveCount(0);

    await page.goto(appHref!);
    await expect(serviceCard(page, "Job Sync API")).toContainText("Rejected");
  });

  test("a move from a stale page is refused next to its row", async ({ page, signInAs }) => {
    await signInAs(DEMO_USERS.admin);
    await openQueue(page);
    const row = queueRow(page, PIPELINE, "Employer Data API");
    await expect(row).toBeVisible();

    // As if another admin had moved it since this page was drawn: the version shown is stale.
    await row.locator('input[name="version"]').first().evaluate((input: HTMLInputElement) => {
      input.value = "9999";
    });
    await row.getByRole("button", { name: "Finish provisioning" }).click();
    await expect(row.getByRole("alert")).toHaveText(/This service changed meanwhile/);
    await expect(row.getByText("Provisioning in progress")).toBeVisible();
  });

  test("a partner owner replaying the admin's request is refused, and nothing changes", async ({
    page,
    browser,
    signInAs,
  }) => {
    // Three sign-ins on a machine shared with the server and the browser.
    test.slow();
    await signInAs(DEMO_USERS.admin);
    await openQueue(page);
    const row = queueRow(page, PIPELINE, "Employer Data API");
    await expect(row.getByText("Provisioning in progress")).toBeVisible();

    // Record the real server-action POST the admin's browser sends, and keep it from arriving.
    let recorded: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
    await page.route("**/admin/provisioning*", async (route) => {
      const request = route.request();
      if (request.method() === "POST" && request.headers()["next-action"]) {
        recorded = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await row.getByRole("button", { name: "Finish provisioning" }).click();
    await expect.poll(() => recorded).toBeDefined();
    await page.unrouteAll({ behavior: "ignoreErrors" });
    const { url, headers, body } = recorded!;
    expect(headers["next-action"]).toMatch(/^[0-9a-f]+$/);

    // Everything the browser sent except its session: the attacker brings their own cookies.
    const replayHeaders = Object.fromEntries(
      Object.entries(headers).filter(([name]) => !["cookie", "content-length", "host"].includes(name.toLowerCase())),
    );
    for (const attacker of [DEMO_USERS.owner, DEMO_USERS.globexOwner]) {
      const context = await browser.newContext();
      try {
        const attackerPage = await context.newPage();
        await signIn(attackerPage, attacker);
        const response = await attackerPage.request.post(url, { headers: replayHeaders, data: body });
        expect(response.status(), `${attacker.email}'s replay`).toBeLessThan(500);
        const text = await response.text();
        // The action ran and refused: the owner of the app lacks the permission, and another
        // partner's member cannot even see the app.
        expect(text).toContain('"ok":false');
        expect(text).toMatch(
          attacker === DEMO_USERS.owner
            ? /You do not have permission to do that\./
            : /This app does not exist, or you do not have access to it\./,
        );
        expect(text).not.toMatch(/Now “/);
      } finally {
        await context.close();
      }
    }

    await openQueue(page);
    await expect(queueRow(page, PIPELINE, "Employer Data API").getByText("Provisioning in progress")).toBeVisible();
  });
});

test.describe("the catalog", () => {
  test("adding a service shows each field's error, keeps the values, then adds it; editing changes its rules", async ({
    page,
    signInAs,
  }) => {
    test.slow();
    const suffix = Date.now().toString(36);
    const name = `Talent Insights API ${suffix}`;
    await signInAs(DEMO_USERS.admin);
    await page.goto("/admin");
    await page.getByRole("link", { name: "Service catalog" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Service catalog" })).toBeVisible();
    await expect(catalogRow(page, /^Job Sync API/)).toContainText("Provisioned with: Employer Data API");

    await page.getByRole("link", { name: "Add a service" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add a service" })).toBeVisible();
    const form = page.getByRole("main");
    await form.getByLabel("Identifier").fill("Talent Insights!");
    await form.getByLabel("Documentation URL").fill("not a url");
    await form.getByLabel("Review required").check();
    await form.getByRole("group", { name: "Requires" }).getByLabel("Job Sync API").check();
    await form.getByRole("button", { name: "Add service" }).click();

    await expect(form.getByRole("alert")).toHaveText("Some fields need your attention.");
    await expect(form.getByLabel("Name")).toHaveAccessibleDescription("Enter a name.");
    await expect(form.getByLabel("Name")).toBeFocused();
    await expect(form.getByLabel("Identifier")).toHaveAccessibleDescription(/Use lower-case letters, digits and single hyphens/);
    await expect(form.getByLabel("Provider")).toHaveAccessibleDescription("Choose a provider.");
    await expect(form.getByLabel("Description")).toHaveAccessibleDescription("Enter a description.");
    await expect(form.getByLabel("Documentation URL")).toHaveAccessibleDescription(/Enter a full http/);
    await expect(form.getByLabel("Testing tool URL or path")).not.toHaveAttribute("aria-invalid", "true");
    // What was typed is still there.
    await expect(form.getByLabel("Identifier")).toHaveValue("Talent Insights!");
    await expect(form.getByLabel("Documentation URL")).toHaveValue("not a url");
    await expect(form.getByLabel("Review required")).toBeChecked();
    await expect(form.getByRole("group", { name: "Requires" }).getByLabel("Job Sync API")).toBeChecked();

    // A name the catalog already has.
    await form.getByLabel("Name").fill("Job Sync API");
    await form.getByLabel("Identifier").fill(`talent-insights-${suffix}`);
    // SEEK: no demo app is a SEEK app, so the new service never shows among an app's request
    // options, which other specs may list.
    await form.getByLabel("Provider").selectOption({ label: "SEEK" });
    await form.getByLabel("Description").fill("Hiring analytics for the partner's own jobs.");
    await form.getByLabel("Documentation URL").fill("https://docs.indeed.com/talent-insights/");
    await form.getByLabel("Testing tool URL or path").fill("/token-tool");
    await form.getByRole("button", { name: "Add service" }).click();
    await expect(form.getByLabel("Name")).toHaveAccessibleDescription(/already exists/);

    await form.getByLabel("Name").fill(name);
    await form.getByRole("button", { name: "Add service" }).click();
    await expect(page).toHaveURL(/\/admin\/catalog\?saved=[0-9a-f-]{36}$/);
    await expect(page.getByRole("main").getByRole("status")).toHaveText(`“${name}” is saved.`);
    const added = catalogRow(page, name);
    await expect(added).toContainText(`talent-insights-${suffix}`);
    await expect(added).toContainText("Requires: Job Sync API");
    await expect(added.getByRole("cell").nth(0)).toHaveText("SEEK");
    await expect(added.getByRole("cell").nth(1)).toHaveText("Yes");
    await expect(added.getByRole("link", { name: /Testing tool/ })).toHaveAttribute("href", "/token-tool");
    await expect(added.getByRole("cell").nth(4)).toHaveText("0");

    await added.getByRole("link", { name: `Edit ${name}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Edit ${name}` })).toBeVisible();
    await expect(form.getByLabel("Identifier")).toHaveValue(`talent-insights-${suffix}`);
    await form.getByLabel("Review required").uncheck();
    await form.getByRole("group", { name: "Conflicts with" }).getByLabel("XML Job Feed").check();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(`“${name}” is saved.`);
    await expect(added).toContainText("Conflicts with: XML Job Feed");
    await expect(added.getByRole("cell").nth(1)).toHaveText("No");
    // Conflicts go both ways.
    await expect(catalogRow(page, /^XML Job Feed/)).toContainText(name);
  });
});

test.describe("who may reach the admin pages", () => {
  const ADMIN_PAGES = ["/admin", "/admin/provisioning", "/admin/catalog", "/admin/catalog/new"];

  for (const [role, user] of [
    ["owner", DEMO_USERS.owner],
    ["developer", DEMO_USERS.developer],
    ["viewer", DEMO_USERS.viewer],
  ] as const) {
    test(`a partner ${role} gets the 404 page on every admin page, and no Admin link`, async ({ page, signInAs }) => {
      await signInAs(user);
      await expect(page.getByRole("banner")).toContainText(ACME);
      await expect(page.getByRole("banner").getByRole("link", { name: "Admin" })).toHaveCount(0);
      for (const path of ADMIN_PAGES) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
        await expect(page.getByRole("table")).toHaveCount(0);
      }
    });
  }
});
