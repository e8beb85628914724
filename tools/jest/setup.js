// Decorator metadata must be available before any @injectable() class loads.
require('reflect-metadata');
