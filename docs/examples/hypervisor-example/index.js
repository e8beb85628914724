// The example hypervisor plugin of docs/plugins.md. Plain CommonJS, no build step.
// A running instance is a file <node_dir>/run/example-hypervisor/<name> holding its memory.
const fs = require('node:fs');
const path = require('node:path');
const { ContainerModule } = require('inversify');
const { HypervisorProvider, PluginError } = require('@corral/contracts');

class ExampleHypervisor {
  constructor(node) {
    this.name = 'example';
    this.canMigrate = false;
    this.parameterDefaults = {};
    this.node = node;
    this.dir = path.join(node.node_dir, 'run', 'example-hypervisor');
  }

  fail(message) {
    throw new PluginError('hypervisor', message, 'example');
  }

  async startInstance(instance) {
    const file = path.join(this.dir, instance.name);
    if (fs.existsSync(file)) this.fail(`Instance ${instance.name} is already running`);
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(file, `${instance.memory}\n`);
  }

  async stopInstance(name) {
    const file = path.join(this.dir, name);
    if (!fs.existsSync(file)) this.fail(`Instance ${name} is not running`);
    fs.unlinkSync(file);
  }

  async rebootInstance() {}

  async listInstances() {
    return fs.existsSync(this.dir) ? fs.readdirSync(this.dir).sort() : [];
  }

  async getInstanceInfo(name) {
    const file = path.join(this.dir, name);
    if (!fs.existsSync(file)) return null;
    return { name, id: 0, memory: Number(fs.readFileSync(file, 'utf8')), vcpus: 1, state: 'running', times: 0 };
  }

  async getAllInstancesInfo() {
    const names = await this.listInstances();
    return Promise.all(names.map((n) => this.getInstanceInfo(n)));
  }

  async getNodeInfo() {
    return { memory_total: 1024, memory_free: 1024, memory_dom0: 0, cpu_total: 1, cpu_dom0: 1, cpu_nodes: 1, cpu_sockets: 1 };
  }

  async getInstanceConsole(instance) {
    return { instance: instance.name, kind: 'msg', message: 'The example hypervisor has no console' };
  }

  async verify() {
    return null;
  }

  checkParameterSyntax(hvparams) {
    for (const key of Object.keys(hvparams)) {
      throw new PluginError('invalid-parameters', `Parameter '${key}' is not supported`, 'example');
    }
  }

  async migrationInfo() { this.fail('The example hypervisor cannot migrate'); }
  async acceptInstance() { this.fail('The example hypervisor cannot migrate'); }
  async migrateInstance() { this.fail('The example hypervisor cannot migrate'); }
  async getMigrationStatus() { return 'failed'; }
  async finalizeMigrationDst() {}
  async finalizeMigrationSource() {}
  async balloonInstanceMemory() { this.fail('The example hypervisor cannot balloon memory'); }
  async powercycleNode() { this.fail('The example hypervisor cannot power-cycle a node'); }
}

// The entry exports one ContainerModule; it binds a provider that makes the hypervisor of a node.
module.exports = new ContainerModule(({ bind }) => {
  bind(HypervisorProvider).toConstantValue({ name: 'example', forNode: (node) => new ExampleHypervisor(node) });
});
