import GSLKit
import MSCModel
