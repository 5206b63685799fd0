// A university's nightly research-management job, written against the TypeScript client that
// openapi-generator (typescript-fetch) makes from docs/openapi.json, and nothing else: it logs in
// (renewing its short-lived access token), registers an achievement and repeats the call with the
// same Idempotency-Key, uploads a CSV import and follows its job, publishes the achievement, waits
// for its pairs and pages its organisation's list. One line per step; any misbehaviour ends it with
// a message and exit code 1.
//
//   node journey.js [GATEWAY_URL]   with TECHBRIDGE_USERNAME and TECHBRIDGE_PASSWORD in the environment
//   (GATEWAY_URL, else TECHBRIDGE_GATEWAY_URL, else http://127.0.0.1:8080)

import { randomUUID } from "node:crypto";
import {
    AchievementImportsApi,
    AchievementsApi,
    AchievementStatus,
    AuthenticationApi,
    Configuration,
    FetchError,
    MatchesApi,
    ResponseError,
    Status,
    TransferMode,
    type AchievementRequest,
    type AchievementResponse,
    type ImportJobResponse,
    type LoginResponse,
    type MatchCandidate,
    type UserSummary,
} from "../target/generated-ts-client/index";

/** Each request gives up after this long instead of hanging the nightly run. */
const REQUEST_TIMEOUT_MS = 30_000;

class JourneyFailure extends Error {}

function check(condition: boolean, message: string): asserts condition {
    if (!condition) {
        throw new JourneyFailure(message);
    }
}

/** The member the description leaves optional (it marks no response member required), which the journey needs. */
function present<T>(value: T | null | undefined, what: string): T {
    check(value !== undefined && value !== null, `the answer has no ${what}`);
    return value;
}

const started = Date.now();
let step = 0;
function log(message: string): void {
    step++;
    const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
    console.log(`ts-journey ${seconds}s  ${String(step).padStart(2)}. ${message}`);
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** Asks until the answer satisfies `done`, every `intervalMs`, for at most `timeoutMs`; fails naming `what` and the last answer. */
async function until<T>(what: string, timeoutMs: number, intervalMs: number, ask: () => Promise<T>,
                        done: (answer: T) => boolean): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const answer = await ask();
        if (done(answer)) {
            return answer;
        }
        if (Date.now() > deadline) {
            throw new JourneyFailure(`${what}: not within ${timeoutMs / 1000} s; last answer ${JSON.stringify(answer)}`);
        }
        await sleep(intervalMs);
    }
}

/**
 * The job's login. An access token lives `expiresIn` seconds (50 by default), so the session renews
 * it with its refresh token (spent by its use: the next one comes with the answer) once 80 % of its
 * life has passed, and logs in again if the refresh is refused.
 */
class Session {
    private accessToken = "";
    private refreshToken: string | undefined;
    private renewAt = 0;
    private renewing: Promise<void> | undefined;
    /** The gateway's own operations, without a bearer: login and refresh take none. */
    private readonly auth: AuthenticationApi;
    user: UserSummary | undefined;
    renewals = 0;

    constructor(configuration: Configuration, private readonly username: string, private readonly password: string) {
        this.auth = new AuthenticationApi(configuration);
    }

    async logIn(): Promise<LoginResponse> {
        const answer = await this.auth.login({ loginRequest: { username: this.username, password: this.password } });
        this.keep(answer);
        this.user = present(answer.user, "user in the login answer");
        return answer;
    }

    /** What the generated client calls before every request that takes a bearer. */
    readonly token = async (): Promise<string> => {
        if (Date.now() >= this.renewAt) {
            this.renewing ??= this.renew().finally(() => { this.renewing = undefined; });
            await this.renewing;
        }
        return this.accessToken;
    };

    /** The next access token for the refresh token, which that spends; the answer brings its successor. */
    async refresh(): Promise<LoginResponse> {
        const spent = present(this.refreshToken, "refreshToken in the login answer");
        const answer = await this.auth.refreshAccessToken({ refreshRequest: { refreshToken: spent } });
        this.keep(answer);
        check(answer.refreshToken !== spent, "a refresh answers a new refresh token");
        return answer;
    }

    private async renew(): Promise<void> {
        try {
            await this.refresh();
        } catch (e) {
            // The session may have ended (a new password, an admin's logout): log in afresh.
            if (!(e instanceof ResponseError && e.response.status === 401)) {
                throw e;
            }
            await this.logIn();
        }
        this.renewals++;
    }

    private keep(answer: LoginResponse): void {
        this.accessToken = present(answer.accessToken, "accessToken in the login answer");
        this.refreshToken = answer.refreshToken;
        const lifetimeMs = present(answer.expiresIn, "expiresIn in the login answer") * 1000;
        this.renewAt = Date.now() + lifetimeMs * 0.8;
    }
}

async function journey(gateway: string, username: string, password: string): Promise<void> {
    const fetchWithTimeout = (input: RequestInfo | URL, init?: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const session = new Session(new Configuration({ basePath: gateway, fetchApi: fetchWithTimeout }), username, password);
    const client = new Configuration({ basePath: gateway, fetchApi: fetchWithTimeout, accessToken: session.token });
    const achievements = new AchievementsApi(client);
    const imports = new AchievementImportsApi(client);
    const matches = new MatchesApi(client);

    const login = await session.logIn();
    const user = present(session.user, "user");
    const organisationId = present(user.organisationId, "user.organisationId");
    const institution = present(user.organisationName, "user.organisationName");
    log(`logged in at ${gateway} as ${username} (${organisationId}, ${institution}); access token for ${login.expiresIn} s`);
    const firstToken = login.accessToken;
    const renewed = await session.refresh();
    check(renewed.accessToken !== firstToken, "a refresh answers a new access token");
    const me = await new AuthenticationApi(client).getMe();
    check(me.username === username, `the renewed token is ${username}'s, not ${me.username}'s`);
    log(`renewed the access token with the refresh token (${renewed.expiresIn} s); renewed again whenever 80 % of its life has passed`);

    const marker = "ts" + randomUUID().slice(0, 8);
    const request: AchievementRequest = {
        institution,
        title: `固态电解质硫化物薄膜连续制备工艺 ${marker}`,
        summary: "硫化物固态电解质薄膜卷对卷连续涂布，离子电导率2.1 mS/cm，厚度30微米，用于全固态锂电池的规模化制造。",
        keywords: ["固态电池", "硫化物电解质", "薄膜制备"],
        fieldCode: "07.02",
        trl: 5,
        transferModes: [TransferMode.License, TransferMode.JointDevelopment],
        askingPrice: { negotiable: true },
        regionCode: "330100",
        contact: { name: "成果转化办公室", email: "tto@example.edu.cn" },
    };
    const key = `rms-${marker}`;
    const created = await achievements.registerAchievement({ achievementRequest: request, duplicates: "confirmed", idempotencyKey: key });
    const id = present(created.id, "id of the registered achievement");
    check(created.status === AchievementStatus.Draft, `a new achievement is a DRAFT, not ${created.status}`);
    check(created.title === request.title && created.organisationId === organisationId,
        `the registered achievement is the one sent, of ${organisationId}: ${JSON.stringify(created)}`);
    log(`registered achievement ${id} (${created.status}, version ${created.version}) with Idempotency-Key ${key}`);

    const repeat = await achievements.registerAchievementRaw({ achievementRequest: request, duplicates: "confirmed", idempotencyKey: key });
    const repeated = await repeat.value();
    check(repeat.raw.status === 201, `the repeat answers the first answer's 201, not ${repeat.raw.status}`);
    check(repeat.raw.headers.get("Idempotent-Replayed") === "true",
        `the repeat is marked Idempotent-Replayed: true, not ${repeat.raw.headers.get("Idempotent-Replayed")}`);
    check(repeated.id === id && repeated.version === created.version,
        `the repeat answers the same record ${id} v${created.version}, not ${repeated.id} v${repeated.version}`);
    log(`repeated the registration with the same key: the same record ${repeated.id}, replayed`);

    const title = `钙钛矿叠层太阳电池封装胶膜 ${marker}`;
    const csv = "成果名称,成果简介,关键词,技术领域,技术成熟度,转化方式,转让价格（万元）,所在地区,完成单位,联系人,联系电话,电子邮箱\n"
        + `${title},紫外阻隔封装胶膜，湿热1000小时后效率保持率95%。,钙钛矿;封装胶膜,07.02,6,许可,30-80,330100,`
        + `${institution},陈老师,,tto@example.edu.cn\n`;
    const job = await imports.importAchievements({
        body: new Blob([csv], { type: "text/csv" }), duplicates: "confirmed", fileName: "nightly.csv", idempotencyKey: `rms-import-${marker}`,
    });
    const jobId = present(job.id, "id of the import job");
    log(`uploaded nightly.csv: import job ${jobId} ${job.status}`);

    const finished = await until<ImportJobResponse>(`import job ${jobId} finishing`, 60_000, 500,
        () => imports.getAchievementImport({ id: jobId }),
        answer => answer.status === Status.Done || answer.status === Status.Failed);
    check(finished.status === Status.Done, `the import job is DONE, not ${finished.status}: ${finished.failure ?? ""}`);
    check(finished.imported === 1 && finished.failed === 0,
        `the import stored its one row and failed none: imported ${finished.imported}, failed ${finished.failed}`);
    log(`import job ${jobId} DONE: ${finished.imported} imported, ${finished.failed} failed`);

    const published = await achievements.publishAchievement({ id, statusChangeRequest: { version: present(created.version, "version") } });
    check(published.status === AchievementStatus.Published, `publishing makes it PUBLISHED, not ${published.status}`);
    log(`published achievement ${id} (version ${published.version})`);

    // matching-service learns of the achievement from its events: until then it answers 404 for it.
    const pairs = await until(`pairs of achievement ${id}`, 90_000, 1_000,
        () => matches.listAchievementMatches({ id, includeWeak: true, limit: 10 }).catch(notYetIndexed),
        answer => answer.length > 0);
    check(pairs.every(pair => pair.achievementId === id), `every pair listed for ${id} is one of its own: ${JSON.stringify(pairs)}`);
    const best = pairs[0]!;
    log(`achievement ${id} has ${pairs.length} pairs; the best: demand ${best.demandId}, score ${best.score?.toFixed(3)}`);

    const seen = new Map<string, number>();
    let page = 0;
    let totalItems = 0;
    let totalPages = 1;
    while (page < totalPages) {
        const answer = await achievements.listAchievements({ organisationId, page, size: 2 });
        const items = present(answer.items, "items of the page");
        totalItems = present(answer.totalItems, "totalItems");
        totalPages = present(answer.totalPages, "totalPages");
        check(answer.page === page && answer.size === 2, `page ${page} of size 2 is answered as page ${answer.page} of size ${answer.size}`);
        check(items.length === 2 || (page === totalPages - 1 && items.length > 0),
            `page ${page} of ${totalPages} holds two achievements (the last at least one), not ${items.length}`);
        for (const item of items) {
            const itemId = present(item.id, "id of a listed achievement");
            check(item.organisationId === organisationId, `the list of ${organisationId} holds ${itemId} of ${item.organisationId}`);
            check(!seen.has(itemId), `pages do not overlap: ${itemId} is on page ${seen.get(itemId)} and again on page ${page}`);
            seen.set(itemId, page);
        }
        page++;
    }
    check(totalPages >= 2 && seen.size === totalItems,
        `the ${totalPages} pages hold each of the ${totalItems} achievements once, not ${seen.size}`);
    check(seen.has(id), `the organisation's list holds the registered achievement ${id}`);
    const titles = (await achievements.listAchievements({ organisationId, q: marker, size: 10 })).items ?? [];
    check(titles.some((item: AchievementResponse) => item.title === title), `the imported achievement "${title}" is in the organisation's list`);
    log(`paged ${organisationId}'s ${totalItems} achievements two at a time: ${totalPages} pages, no overlap`);

    log(`done: access token renewed ${session.renewals} times on the way`);
}

/** A 404 from matching-service for a record it has not yet read from its events: no pairs yet. */
async function notYetIndexed(error: unknown): Promise<MatchCandidate[]> {
    if (error instanceof ResponseError && error.response.status === 404) {
        return [];
    }
    throw error;
}

/** A failed call as a line: the operation's problem (RFC 9457) when the gateway answered, else the cause. */
async function describe(error: unknown): Promise<string> {
    if (error instanceof JourneyFailure) {
        return error.message;
    }
    if (error instanceof ResponseError) {
        const body = await error.response.text().catch(() => "");
        return `${error.response.status} from ${error.response.url}: ${body || error.message}`;
    }
    if (error instanceof FetchError) {
        // fetch's own error names only "fetch failed"; the reason (refused, reset, timed out) is its cause.
        const reason = error.cause?.cause instanceof Error ? `: ${error.cause.cause.message}` : "";
        return `no answer: ${error.cause?.message ?? error.message}${reason}`;
    }
    return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function main(): Promise<void> {
    const gateway = (process.argv[2] ?? process.env.TECHBRIDGE_GATEWAY_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
    const username = process.env.TECHBRIDGE_USERNAME;
    const password = process.env.TECHBRIDGE_PASSWORD;
    if (!username || !password) {
        console.error("ts-journey: set TECHBRIDGE_USERNAME and TECHBRIDGE_PASSWORD (a university's login)");
        process.exit(2);
    }
    try {
        await journey(gateway, username, password);
    } catch (error) {
        console.error(`ts-journey FAILED at step ${step + 1} (${step} passed): ${await describe(error)}`);
        process.exit(1);
    }
}

void main();
