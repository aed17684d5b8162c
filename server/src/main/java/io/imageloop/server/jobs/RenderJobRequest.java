package io.imageloop.server.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** What JobRunr stores for an export: only our job key; everything else is read from render_jobs. */
public final class RenderJobRequest implements JobRequest {

    private String jobKey;

    /** For JobRunr's JSON mapper. */
    public RenderJobRequest() {
    }

    public RenderJobRequest(String jobKey) {
        this.jobKey = jobKey;
    }

    public String getJobKey() {
        return jobKey;
    }

    @Override
    public Class<RenderJobHandler> getJobRequestHandler() {
        return RenderJobHandler.class;
    }
}
