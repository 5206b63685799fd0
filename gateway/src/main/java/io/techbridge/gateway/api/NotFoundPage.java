package io.techbridge.gateway.api;

import io.techbridge.commons.problem.ProblemMappers;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An address that is neither the API nor a console file. A person who typed or followed it in a
 * browser gets a page saying so, in the console's look, with the way to the console; a program
 * (and anything under /api) gets the problem it always got.
 */
public class NotFoundPage {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>页面不存在 · TechBridge</title>
            <link rel="stylesheet" href="/css/console.css">
            </head>
            <body>
            <main class="view">
            <section class="panel not-found" data-testid="server-not-found">
            <h1>页面不存在</h1>
            <p>这个网址在 TechBridge 科技成果转化供需对接平台上没有对应的页面，可能是链接写错了，或页面已经移动。</p>
            <p><a class="button primary" href="/">回到工作台</a></p>
            <hr>
            <h2 lang="en">Page not found</h2>
            <p lang="en">There is no page at this address on TechBridge: the link may be mistyped or out of date.</p>
            <p lang="en"><a href="/">Go to the console</a> · <a href="/openapi">API description</a></p>
            </section>
            </main>
            </body>
            </html>
            """;

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        String path = uri.getPath();
        boolean api = path.equals("/api") || path.startsWith("/api/") || path.equals("/openapi");
        if (api || !wantsHtml(headers)) {
            return problems.webApplication(e, uri);
        }
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").entity(PAGE).build();
    }

    /** A browser navigating asks for text/html first; fetch() and API clients do not. */
    private static boolean wantsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .filter(type -> !type.isWildcardType())
                .findFirst()
                .map(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE))
                .orElse(false);
    }
}
