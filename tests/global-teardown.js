// Stops the Azurite started by global-setup.js.
module.exports = async () => {
  await require('./functions/global-azurite').teardown();
};
