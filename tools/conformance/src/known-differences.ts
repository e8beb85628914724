import type { KnownDifference } from './known-difference';

/**
 * Every expected difference between real Ganeti 3.0.2 and Corral. Each
 * `deliberate` entry is a row of docs/compatibility.md (same id); the
 * `environment` ones come from the two clusters being set up differently.
 */
export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    id: 'version-2-listing',
    class: 'deliberate',
    kind: ['type'],
    target: /^GET \/2$/,
    where: /^body\$$/,
    reason: "Ganeti 3.0 answers `/2` with null; Corral keeps Ganeti 2.4's list of name/uri items, which clients can discover resources from.",
  },
  {
    id: 'head-as-get',
    class: 'deliberate',
    kind: ['status'],
    target: /^HEAD /,
    where: /^status$/,
    reason: 'Ganeti answers HEAD with 501 everywhere; Corral serves HEAD from the GET handler (status and headers, no body), see docs/compatibility.md "HTTP: HEAD".',
  },
  {
    id: 'vcs-version',
    class: 'deliberate',
    kind: ['value'],
    target: /^GET \/2\/info$/,
    where: /^body\$\.vcs_version$/,
    reason: "`vcs_version` carries Corral's own version; `software_version` stays 3.0.2 because clients compare it.",
  },
  {
    id: 'set-order',
    class: 'deliberate',
    kind: ['array-order'],
    target: /^GET \/2\/(features|info|groups\?bulk=1)$/,
    where: /^body\$(\[\d+\])?(\.ipolicy\.disk-templates)?$/,
    reason: "Ganeti builds these lists from Python sets, so their order is unspecified; Corral answers in a fixed order (features as documented, ipolicy disk templates in enabled_disk_templates' order, in /2/info and in the groups' effective ipolicy).",
  },
  {
    id: 'default-iallocator',
    class: 'deliberate',
    kind: ['value'],
    target: /^GET \/2\/info$/,
    where: /^body\$\.default_iallocator$/,
    reason: "Corral's default instance allocator is its built-in plugin (`builtin`), not htools' external `hail`.",
  },
  {
    id: 'env-master-name',
    class: 'environment',
    kind: ['value'],
    target: /^GET \/2\/info$/,
    where: /^body\$\.master$/,
    reason: "The master is this host (its own name, which may be a short name); the reference's is node1.example.com.",
  },
  {
    id: 'env-init-options',
    class: 'environment',
    kind: ['value'],
    target: /^GET \/2\/info$/,
    where: /^body\$\.(master_netdev|nicparams\.default\.link|file_storage_dir|shared_file_storage_dir)$/,
    reason: 'The reference was initialised with --master-netdev=gntbr0, link=gntbr0 and /srv/ganeti storage dirs; Corral keeps its storage in its data dir.',
  },
  {
    id: 'env-node-count',
    class: 'environment',
    kind: ['array-length', 'value'],
    target: /^GET \/2\/(nodes|groups)(\?bulk=1)?$/,
    where: /^body\$(\[\d+\]\.(node_list|node_cnt))?$/,
    reason: 'The reference cluster has two nodes; a fresh Corral has one (its embedded default).',
  },
  {
    id: 'env-node-names',
    class: 'environment',
    kind: ['value'],
    target: /^GET \/2\/(nodes|groups)(\?bulk=1)?$/,
    where: /^body\$\[\d+\]\.(id|uri|name|node_list\[\d+\])$/,
    reason: "Corral's master is this host (its own name, which may be a short name); the reference's are node1/node2.example.com.",
  },
  {
    id: 'env-node-figures',
    class: 'environment',
    kind: ['value'],
    target: /^GET \/2\/nodes(\?bulk=1|\/[^/]+)?$/,
    where: /^body\$(\[\d+\])?\.(dtotal|dfree|sptotal|spfree|mtotal|mnode|mfree|ctotal|cnos|cnodes|csockets)$/,
    reason: 'Live memory, CPU and disk figures of two different machines (and moments); Corral reports those of its host and its file storage.',
  },
  {
    id: 'env-node-addresses',
    class: 'environment',
    kind: ['value'],
    target: /^GET \/2\/nodes(\?bulk=1|\/[^/]+)?$/,
    where: /^body\$(\[\d+\])?\.(pip|sip|secondary_ip)$/,
    reason: "The reference's nodes have addresses on a test network (198.18.0.x); Corral's local nodes are 127.0.0.1.",
  },
  {
    id: 'env-poll-first-timing',
    class: 'environment',
    request: /-poll-first$/,
    kind: ['value', 'type', 'array-length', 'missing-key', 'extra-key'],
    target: /^GET \/2\/jobs\/\d+$/,
    where: /^body\$\.(status|opstatus(\[\d+\])?|start_ts|end_ts|oplog(\[.*)?|opresult(\[.*)?|ops\[\d+\]\..*)$/,
    reason:
      "A `-poll-first` sample is the job read right after its submission: the reference's was still `queued` (nothing started, no log, no result, the opcode as submitted); Corral's has usually run already. Only the job's progress may differ; `id`, `summary` and the keys are compared.",
  },
  {
    id: 'job-ops-as-validated',
    class: 'deliberate',
    kind: ['extra-key', 'missing-key', 'type', 'value', 'key-order'],
    target: /^GET \/2\/jobs(\/\d+|\?bulk=1)$/,
    where: /^body\$(\[\d+\])?\.ops\[\d+\](\.(?!reason\b|OP_ID\b)[a-z0-9_]+(\.[a-z0-9_]+)?)?$/,
    reason:
      'docs/compatibility.md "Jobs: `ops`": a job shows each opcode as Corral validated it (every parameter, defaults and nulls filled in); Ganeti shows what the client sent, later rewritten by its logical unit (`*_uuid` added, `memory` upgraded to `maxmem`/`minmem`).',
  },
  {
    id: 'job-reason-user',
    class: 'deliberate',
    kind: ['array-length', 'value'],
    target: /^GET \/2\/jobs(\/\d+|\?bulk=1)$/,
    where: /^body\$(\[\d+\])?\.ops\[\d+\]\.reason(\[[1-9]\]\[[01]\])?$/,
    reason: 'docs/compatibility.md "Auth: user name of a job": Corral adds `["corral:user", <user>, <time>]` to the reason trail after the RAPI entry.',
  },
  {
    id: 'job-log-messages',
    class: 'deliberate',
    kind: ['array-length', 'value'],
    target: /^GET \/2\/jobs\/\d+$/,
    where: /^body\$\.oplog\[\d+\](\[\d+\]\[3\])?$/,
    reason: 'docs/compatibility.md "Jobs: log messages": the feedback lines are Corral\'s own (fewer steps: no DRBD, no disk sync, no cluster-config feedback).',
  },
  {
    id: 'env-random-macs',
    class: 'environment',
    kind: ['value'],
    target: /^(GET \/2\/instances|GET \/2\/jobs\/\d+$)/,
    where: /^body\$(\[\d+\])?\.(nic\.macs\[\d+\]|opresult\[\d+\]\..+\.nics\[\d+\]\[3\])$/,
    reason: 'MAC addresses are generated at random (cluster prefix aa:00:00 plus three random bytes) on both sides.',
  },
  {
    id: 'env-first-jobs',
    class: 'environment',
    target: /^GET \/2\/jobs(\?bulk=1|\/1\/wait)$/,
    where: /^body\$(\[[01]\]\..*|\.log_entries)$/,
    reason:
      "Jobs 1 and 2 stand for the reference's cluster initialisation: its OP_CLUSTER_POST_INIT (here OP_CLUSTER_REDIST_CONF, which logs a line) and `gnt-node add node2.example.com` with its own addresses (here OP_NODE_ADD of a local node).",
  },
  {
    id: 'job-not-found-404',
    class: 'deliberate',
    kind: ['status'],
    target: /^GET \/2\/jobs\/\d+$/,
    where: /^status$/,
    reason: 'docs/compatibility.md: an unknown job id is a 404 (as Ganeti 2.4 answers), not 3.0\'s 200 with a row of nulls.',
  },
  {
    id: 'dry-run-create-names',
    class: 'deliberate',
    kind: ['value'],
    target: /^GET \/2\/jobs\/\d+$/,
    where: /^body\$\.opresult\[0\]\[\d+\]$/,
    request: /-dryrun-job\d+-final$/,
    reason: 'docs/compatibility.md "Instances: dry-run creation result": the chosen nodes by name, not by uuid.',
  },
  {
    id: 'serial-no-counts',
    class: 'deliberate',
    kind: ['value'],
    target: /^GET \/2\/(instances|jobs\/\d+)/,
    where: /^body\$(\[\d+\])?(\.opresult\[\d+\]\..+)?\.serial_no$/,
    reason:
      'docs/compatibility.md "Config: `serial_no`": Corral counts one per committed change of the object; Ganeti 3.0 writes an instance several times in some operations (twice on creation and on shutdown), so its numbers run ahead.',
  },
  {
    id: 'os-diagnose-reason',
    class: 'deliberate',
    kind: ['value'],
    target: /^GET \/2\/jobs\?bulk=1$/,
    where: /^body\$\[\d+\]\.ops\[\d+\]\.reason\[0\]\[[01]\]$/,
    reason:
      'docs/compatibility.md "Jobs: reason trail": Corral\'s OS_DIAGNOSE job starts its trail with the RAPI entry (`gnt:library:rlib2:os`) like every RAPI job; Ganeti\'s has only the opcode entry.',
  },
];

/**
 * Added with `--against live`: the live reference keeps the history of
 * everyone who used it (its jobs, networks added and removed, group serial
 * numbers), unless it was just made with `up.sh --fresh`; the recorded
 * samples come from a fresh cluster, which Corral's replay reproduces.
 */
export const LIVE_HISTORY_DIFFERENCES: readonly KnownDifference[] = [
  {
    id: 'env-live-history',
    class: 'environment',
    target: /^GET \/2\/(jobs(\?bulk=1)?|groups\?bulk=1)$/,
    where: /^body\$(\[\d+\](\.(ops\[\d+\]\..*|status|summary\[\d+\]|opstatus\[\d+\]|serial_no))?)?$/,
    reason: "The live reference's own history: earlier jobs of other users (and the group's serial number they raised).",
  },
];
