import { execFileSync } from 'node:child_process';

/** Where commit and branch came from, for the add command's message. */
export interface RunIdentity {
  commit: string | null;
  branch: string | null;
  source: {
    commit: 'flag' | 'env' | 'report' | 'git' | 'none';
    branch: 'flag' | 'env' | 'git' | 'none';
  };
}

function git(args: string[], cwd: string): string | null {
  try {
    return (
      execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
        .toString()
        .trim() || null
    );
  } catch {
    return null;
  }
}

/**
 * Commit and branch of a run. Precedence: --commit/--branch flags, then GITHUB_SHA and
 * GITHUB_HEAD_REF || GITHUB_REF_NAME (a pull request's ref name is "42/merge"), then the
 * report's own gitSha (commit only), then `git rev-parse` in `cwd`.
 */
export function resolveRunIdentity(
  flags: { commit?: string; branch?: string },
  reportSha: string | null,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): RunIdentity {
  const envBranch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || undefined;
  let commit: string | null = null;
  let commitSource: RunIdentity['source']['commit'] = 'none';
  if (flags.commit) [commit, commitSource] = [flags.commit, 'flag'];
  else if (env.GITHUB_SHA) [commit, commitSource] = [env.GITHUB_SHA, 'env'];
  else if (reportSha) [commit, commitSource] = [reportSha, 'report'];
  else if ((commit = git(['rev-parse', 'HEAD'], cwd))) commitSource = 'git';
  let branch: string | null = null;
  let branchSource: RunIdentity['source']['branch'] = 'none';
  if (flags.branch) [branch, branchSource] = [flags.branch, 'flag'];
  else if (envBranch) [branch, branchSource] = [envBranch, 'env'];
  else if ((branch = git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd))) branchSource = 'git';
  return { commit, branch, source: { commit: commitSource, branch: branchSource } };
}
