/**
 * Where a node's plugins run. Structurally a subset of the model's `Node`
 * (contracts imports no other package), so a config node can be passed as is.
 * A local node keeps all its state below `node_dir` on this host.
 */
export interface NodeLocation {
  readonly name: string;
  /** The node's own directory on this host; see the layout in the package README. */
  readonly node_dir: string;
}
