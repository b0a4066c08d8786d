import MSCModel
