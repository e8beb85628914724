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
];
