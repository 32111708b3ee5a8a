/**
 * The self-test server's worker thread (src/serve/runner.ts): loads the definitions once, then
 * answers the runs it is sent with their whole JSON response (src/serve/jobs.ts).
 */
import { answerJobs } from './runner.js';
import { SelfTestJobs, type SelfTestAnswer, type SelfTestJob } from './jobs.js';

answerJobs<SelfTestJobs, SelfTestJob, SelfTestAnswer>(
  () => SelfTestJobs.load(),
  async (jobs, job) => {
    const answer = await jobs.answer(job);
    return { result: answer, transfer: [answer.body.buffer] };
  },
);
