package io.imageloop.server;

import io.imageloop.server.chat.ChatAgent;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.http.Auth;
import io.imageloop.server.jobs.RenderJobStore;
import io.imageloop.server.jobs.RenderService;
import io.imageloop.server.storage.BlobStore;
import io.imageloop.server.store.Database;
import io.imageloop.server.store.DraftStore;
import io.imageloop.server.store.MediaStore;
import io.imageloop.server.store.RequestLogStore;
import io.imageloop.server.store.SessionStore;
import io.imageloop.server.store.TokenStore;
import io.imageloop.server.upload.UploadService;

import java.util.concurrent.ScheduledExecutorService;

/** Everything the HTTP handlers use, wired once at start. */
public record Services(ServerConfig config, Database db, TokenStore tokens, SessionStore sessions, MediaStore media,
                       DraftStore drafts, RequestLogStore requests, RenderJobStore renderJobs, CreditLedger ledger,
                       Auth auth, UploadService uploads, RenderService renders, ChatAgent agent,
                       ScheduledExecutorService timer, BlobStore blobs) {
}
